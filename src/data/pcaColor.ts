// PCA colour augmentation (AlexNet, course §21): the principal components of an image's RGB
// values. C = (1/N) Σ_p (x_p − μ)(x_p − μ)ᵀ is the 3×3 covariance of the pixels' colours; its
// eigenvectors p_1, p_2, p_3 (largest eigenvalue λ_1 first) are the directions in colour space
// along which the image varies most. Shifting every pixel by Σ α_i·√λ_i·p_i (α_i ~ N(0, σ))
// changes the colours "the way the image already varies": a purple image (much red and
// blue, little green) gets shifts mostly in red and blue.
// (The paper writes α_i·λ_i for 0…255 pixel values; √λ_i puts α_i in standard deviations
// along p_i, so the slider reads the same for any image.)

export type Vec3 = [number, number, number];
export type Mat3 = [Vec3, Vec3, Vec3];

export interface ColorPca {
  mean: Vec3;
  covariance: Mat3;
  /** λ_1 ≥ λ_2 ≥ λ_3 ≥ 0 */
  eigenvalues: Vec3;
  /** eigenvectors[i] is the unit vector p_{i+1} (sign: largest component positive). */
  eigenvectors: Mat3;
}

/** Mean and covariance (divided by N) of interleaved RGB values. */
export function rgbCovariance(rgb: ArrayLike<number>): { mean: Vec3; covariance: Mat3 } {
  const n = Math.floor(rgb.length / 3);
  if (n === 0) throw new RangeError('rgbCovariance: no pixels');
  const mean: Vec3 = [0, 0, 0];
  for (let p = 0; p < n; p++) for (let c = 0; c < 3; c++) mean[c] += rgb[3 * p + c];
  for (let c = 0; c < 3; c++) mean[c] /= n;
  const C: Mat3 = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  for (let p = 0; p < n; p++) {
    const d = [rgb[3 * p] - mean[0], rgb[3 * p + 1] - mean[1], rgb[3 * p + 2] - mean[2]];
    for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) C[i][j] += d[i] * d[j];
  }
  for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) C[j][i] = C[i][j] /= n;
  return { mean, covariance: C };
}

/**
 * Eigen-decomposition of a symmetric 3×3 matrix by cyclic Jacobi rotations: each rotation
 * zeroes one off-diagonal entry; a few sweeps leave a diagonal matrix (the eigenvalues) and
 * the product of the rotations (the eigenvectors, as columns).
 */
export function symmetricEigen3(m: Mat3): { values: Vec3; vectors: Mat3 } {
  const a = m.map((r) => [...r]) as number[][];
  const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off < 1e-30) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]]) {
      if (Math.abs(a[p][q]) < 1e-300) continue;
      // rotation angle that zeroes a[p][q]: tan(2φ) = 2a_pq / (a_qq − a_pp)
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) { // A ← A·J
        const akp = a[k][p], akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) { // A ← Jᵀ·A
        const apk = a[p][k], aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) { // V ← V·J
        const vkp = v[k][p], vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  const order = [0, 1, 2].sort((i, j) => a[j][j] - a[i][i]);
  const values = order.map((i) => Math.max(0, a[i][i])) as Vec3;
  const vectors = order.map((i) => {
    const col = [v[0][i], v[1][i], v[2][i]];
    const big = col.reduce((b, x) => (Math.abs(x) > Math.abs(b) ? x : b), 0);
    return col.map((x) => (big < 0 ? -x : x)) as Vec3;
  }) as Mat3;
  return { values, vectors };
}

export function colorPca(rgb: ArrayLike<number>): ColorPca {
  const { mean, covariance } = rgbCovariance(rgb);
  const { values, vectors } = symmetricEigen3(covariance);
  return { mean, covariance, eigenvalues: values, eigenvectors: vectors };
}

/** The colour shift Σ α_i·√λ_i·p_i added to every pixel. */
export function pcaShift(pca: ColorPca, alpha: Vec3): Vec3 {
  const out: Vec3 = [0, 0, 0];
  for (let i = 0; i < 3; i++) {
    const k = alpha[i] * Math.sqrt(pca.eigenvalues[i]);
    for (let c = 0; c < 3; c++) out[c] += k * pca.eigenvectors[i][c];
  }
  return out;
}
