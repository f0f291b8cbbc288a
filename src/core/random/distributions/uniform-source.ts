/** What a distribution needs from a generator: uniforms on [0, 1) (see RandomStream). */
export interface UniformSource {
  /** Uniform on [0, 1). */
  uniform(): number;
}
