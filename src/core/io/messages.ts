/**
 * Messages of atomic file output (InputError: the user chose the path). One line naming the
 * path and why it cannot be written; the old file, if any, is left as it was.
 */
export const ioMessages = {
  cannotWrite: (path: string, reason: string) => `${path}: cannot write (${reason})`,
  parentIsFile: (parent: string) => `${parent} is a file, not a directory`,
  targetIsDirectory: () => 'it is a directory',
  notPermitted: (dir: string) => `no permission to write in ${dir}`,
  cannotReplace: () => 'the existing file cannot be replaced (permission denied)',
  readOnly: () => 'read-only file system',
  noSpace: () => 'no space left on the device',
  nameTooLong: () => 'file name too long',
} as const;
