/** Every message the delivery judge shows a user, one line each. */
export const deliveryMessages = {
  badRecord: (where: string, index: number, problem: string) =>
    `${where}: record ${index}: ${problem} (expected {"host","type":"send"|"recv"|"local","msg","label"})`,
  badMessageId: (id: number) => `message id must be an integer from 0 to 2^31 - 1, got ${id}`,
} as const;
