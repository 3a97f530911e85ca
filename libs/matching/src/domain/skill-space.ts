import { type RarityOrder, rarityOrder } from './scoring.js';
import { seededRandom } from '@passerelle/core';

/**
 * Skill vectors learnt from the ROME referential itself: a truncated SVD of the occupation × skill
 * matrix (core skills weigh 1, others 0.5, each scaled by its IDF so rare skills count more). Skills
 * used by related occupations end up close together, so "nettoyer des surfaces" and "entretenir
 * des locaux" pull an office cleaner towards urban cleaning and hotel housekeeping. No model is
 * downloaded; the same referential gives the same vectors in every process (seeded).
 */
export interface OccupationSkills {
  readonly code: string;
  readonly skills: ReadonlyArray<{ readonly id: string; readonly core: boolean }>;
}

export interface WeightedSkill {
  readonly id: string;
  readonly weight: number;
}

/** Orthonormalises the columns of a (rows × cols, row-major) in place: modified Gram–Schmidt. */
function orthonormalize(a: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j += 1) {
    for (let k = 0; k < j; k += 1) {
      let dot = 0;
      for (let i = 0; i < rows; i += 1) dot += a[i * cols + j] * a[i * cols + k];
      for (let i = 0; i < rows; i += 1) a[i * cols + j] -= dot * a[i * cols + k];
    }
    let norm = 0;
    for (let i = 0; i < rows; i += 1) norm += a[i * cols + j] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < rows; i += 1) a[i * cols + j] /= norm;
  }
}

/** Eigen-decomposition of a symmetric k × k matrix (cyclic Jacobi): values and column vectors. */
function symmetricEigen(matrix: Float64Array, k: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i += 1) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep += 1) {
    let off = 0;
    for (let p = 0; p < k; p += 1) for (let q = p + 1; q < k; q += 1) off += a[p * k + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < k; p += 1) {
      for (let q = p + 1; q < k; q += 1) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-15) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r += 1) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r += 1) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r += 1) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i += 1) values[i] = a[i * k + i]!;
  return { values, vectors: v };
}

export class SkillSpace {
  private constructor(
    readonly dimensions: number,
    private readonly index: ReadonlyMap<string, number>,
    private readonly vectors: Float32Array,
    private readonly idfs: Float64Array,
  ) {}

  /** Builds the space: `dimensions` kept out of an oversampled randomized SVD (one power iteration). */
  static build(occupations: readonly OccupationSkills[], dimensions = 64, seed = 20251): SkillSpace {
    const index = new Map<string, number>();
    for (const occupation of occupations)
      for (const skill of occupation.skills) if (!index.has(skill.id)) index.set(skill.id, index.size);
    const m = occupations.length;
    const n = index.size;
    const df = new Float64Array(n);
    for (const occupation of occupations)
      for (const skill of new Set(occupation.skills.map((s) => s.id))) df[index.get(skill)!] += 1;
    const idfs = Float64Array.from(df, (count) => Math.log((m + 1) / (count + 1)) + 1);
    // Sparse rows of A (occupation × skill).
    const rows = occupations.map((occupation) =>
      occupation.skills.map((skill) => {
        const j = index.get(skill.id)!;
        return { j, w: (skill.core ? 1 : 0.5) * idfs[j] };
      }),
    );
    const k = Math.min(dimensions + 8, n, m);
    const rand = seededRandom(seed);
    // Y (n × k) = Aᵀ Ω with Ω (m × k) random.
    const multiplyAt = (x: Float64Array): Float64Array => {
      const y = new Float64Array(n * k);
      rows.forEach((row, i) => {
        for (const { j, w } of row) for (let c = 0; c < k; c += 1) y[j * k + c] += w * x[i * k + c];
      });
      return y;
    };
    const multiplyA = (y: Float64Array): Float64Array => {
      const x = new Float64Array(m * k);
      rows.forEach((row, i) => {
        for (const { j, w } of row) for (let c = 0; c < k; c += 1) x[i * k + c] += w * y[j * k + c];
      });
      return x;
    };
    const omega = Float64Array.from({ length: m * k }, () => rand() * 2 - 1);
    let q = multiplyAt(omega);
    orthonormalize(q, n, k);
    for (let iteration = 0; iteration < 1; iteration += 1) {
      const x = multiplyA(q);
      orthonormalize(x, m, k);
      q = multiplyAt(x);
      orthonormalize(q, n, k);
    }
    // B = A Q (m × k); Bᵀ B = W Σ² Wᵀ; right singular vectors of A ≈ Q W.
    const b = multiplyA(q);
    const btb = new Float64Array(k * k);
    for (let i = 0; i < m; i += 1)
      for (let r = 0; r < k; r += 1) for (let c = r; c < k; c += 1) btb[r * k + c] += b[i * k + r] * b[i * k + c];
    for (let r = 0; r < k; r += 1) for (let c = 0; c < r; c += 1) btb[r * k + c] = btb[c * k + r]!;
    const { values, vectors } = symmetricEigen(btb, k);
    const order = [...values.keys()].sort((x, y) => values[y] - values[x]).slice(0, dimensions);
    const result = new Float32Array(n * dimensions);
    for (let j = 0; j < n; j += 1) {
      for (let d = 0; d < order.length; d += 1) {
        const column = order[d];
        const scale = Math.sqrt(Math.sqrt(Math.max(values[column], 0)));
        let sum = 0;
        for (let c = 0; c < k; c += 1) sum += q[j * k + c] * vectors[c * k + column];
        result[j * dimensions + d] = sum * scale;
      }
    }
    return new SkillSpace(dimensions, index, result, idfs);
  }

  has(skillId: string): boolean {
    return this.index.has(skillId);
  }

  /** How rare a skill is across occupations (log inverse frequency, ≥ 1). */
  idf(skillId: string): number {
    const j = this.index.get(skillId);
    return j === undefined ? 1 : this.idfs[j];
  }

  /**
   * `rarityOrder(idf)` of scoring.ts (higher IDF first, then the ids' collation), from ranks computed
   * once over the space's skills: explaining an offer sorts its skills several times, and comparing
   * two ranks costs less than two IDF look-ups and a collation. Ids outside the space are compared
   * as `rarityOrder` does, so the order is the same for any ids.
   */
  readonly byRarity: RarityOrder = (a, b) => {
    const ranks = (this.rarityRanks ??= this.rankByRarity());
    const rankA = ranks.get(a);
    const rankB = ranks.get(b);
    if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
    return this.bySlowRarity(a, b);
  };

  /**
   * `ids` in `byRarity` order, sorted once per list and kept while the list lives: a matched search
   * explains offers kept in process (WindowHits), the same lists search after search. The lists
   * must not change once given (offers' skill lists as read from the index never do).
   */
  readonly rarestFirst = (ids: readonly string[]): readonly string[] => {
    let sorted = this.sortedLists.get(ids);
    if (!sorted) {
      sorted = Object.freeze([...ids].sort(this.byRarity));
      this.sortedLists.set(ids, sorted);
    }
    return sorted;
  };

  private readonly sortedLists = new WeakMap<readonly string[], readonly string[]>();

  private readonly bySlowRarity = rarityOrder((id) => this.idf(id));
  private rarityRanks?: Map<string, number>;

  private rankByRarity(): Map<string, number> {
    const ids = [...this.index.keys()].sort(this.bySlowRarity);
    const ranks = new Map<string, number>();
    ids.forEach((id, i) => {
      // Ids the order holds equal keep one rank, as they compare equal.
      ranks.set(id, i > 0 && this.bySlowRarity(ids[i - 1], id) === 0 ? ranks.get(ids[i - 1])! : i);
    });
    return ranks;
  }

  /** The unit vector of weighted skills (IDF applied), or null when none is known. */
  embed(skills: readonly WeightedSkill[]): number[] | null {
    const sum = new Float64Array(this.dimensions);
    let used = 0;
    for (const { id, weight } of skills) if (this.add(sum, id, weight)) used += 1;
    return used === 0 ? null : this.unit(sum);
  }

  /**
   * `embed` of skill ids and their weights (same positions), in that order: the same vector as
   * `embed` of the pairs, without an object per skill (indexing embeds every offer).
   */
  embedLists(ids: readonly string[], weights: ArrayLike<number>): number[] | null {
    const sum = new Float64Array(this.dimensions);
    let used = 0;
    for (let i = 0; i < ids.length; i += 1) if (this.add(sum, ids[i], weights[i])) used += 1;
    return used === 0 ? null : this.unit(sum);
  }

  private add(sum: Float64Array, id: string, weight: number): boolean {
    const j = this.index.get(id);
    if (j === undefined || weight <= 0) return false;
    const w = weight * this.idfs[j];
    const offset = j * this.dimensions;
    for (let d = 0; d < this.dimensions; d += 1) sum[d] += w * this.vectors[offset + d];
    return true;
  }

  // Loops rather than reduce and Array.from with a callback: each number through a callback was
  // allocated, 64 a vector.
  private unit(sum: Float64Array): number[] {
    let squares = 0;
    for (let d = 0; d < sum.length; d += 1) squares += sum[d] * sum[d];
    const norm = Math.sqrt(squares) || 1;
    const vector: number[] = [];
    for (let d = 0; d < sum.length; d += 1) vector.push(Math.round((sum[d] / norm) * 1e6) / 1e6);
    return vector;
  }
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i] * b[i];
  return dot;
}
