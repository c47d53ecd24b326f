/**
 * L2-regularised, weighted binary logistic regression fitted by Newton–Raphson (IRLS).
 *
 * Why not a library: the one maintained-looking npm package for this, ml-logistic-regression
 * (mljs, last release 2.0.0 in 2020), runs plain gradient ascent with a fixed learning rate
 * and step count, with no regularisation, no sample weights, no intercept of its own and no
 * types. Class weights and an unpenalised intercept are what this model needs, and with
 * ~20 standardised inputs a Newton step (a d×d solve) converges in a handful of iterations
 * with no learning rate to tune — about 80 lines, tested in logistic-regression.test.ts.
 *
 * Minimises (1/W)·Σ wᵢ·logloss(yᵢ, σ(b + x·β)) + (λ/2)·‖β‖², the intercept b unpenalised.
 */
export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  iterations: number;
  converged: boolean;
  /** The objective at the solution (weighted mean log loss + penalty). */
  loss: number;
}

export interface LogisticOptions {
  /** λ of the L2 penalty on the coefficients (inputs should be standardised). */
  l2: number;
  /** Per-row weights (class weights); 1 each when absent. */
  sampleWeights?: ArrayLike<number>;
  maxIterations?: number;
  tolerance?: number;
}

export function fitLogistic(
  x: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  options: LogisticOptions,
): LogisticFit {
  const n = x.length;
  if (n === 0 || y.length !== n) throw new Error(`fitLogistic: ${n} rows but ${y.length} labels`);
  const d = (x[0] as ArrayLike<number>).length;
  const p = d + 1; // parameter 0 is the intercept
  const w = options.sampleWeights ?? new Float64Array(n).fill(1);
  let totalWeight = 0;
  for (let i = 0; i < n; i++) totalWeight += w[i] as number;
  const beta = new Float64Array(p);
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  let loss = objective(x, y, w, totalWeight, beta, options.l2);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = new Float64Array(p);
    const hessian = Array.from({ length: p }, () => new Float64Array(p));
    for (let i = 0; i < n; i++) {
      const row = x[i] as ArrayLike<number>;
      const prob = sigmoid(linear(beta, row));
      const wi = (w[i] as number) / totalWeight;
      const residual = wi * (prob - (y[i] as number));
      const curvature = wi * prob * (1 - prob);
      for (let j = 0; j < p; j++) {
        const xj = j === 0 ? 1 : (row[j - 1] as number);
        gradient[j] = (gradient[j] as number) + residual * xj;
        const hj = hessian[j] as Float64Array;
        for (let k = 0; k <= j; k++)
          hj[k] = (hj[k] as number) + curvature * xj * (k === 0 ? 1 : (row[k - 1] as number));
      }
    }
    for (let j = 0; j < p; j++) {
      const hj = hessian[j] as Float64Array;
      // The intercept gets a vanishing ridge only so a saturated fit cannot make H singular.
      hj[j] = (hj[j] as number) + (j === 0 ? 1e-10 : options.l2);
      if (j > 0) gradient[j] = (gradient[j] as number) + options.l2 * (beta[j] as number);
      for (let k = 0; k < j; k++) (hessian[k] as Float64Array)[j] = hj[k] as number;
    }
    const step = choleskySolve(hessian, gradient);
    // Newton steps can overshoot far from the optimum; halve until the objective falls.
    let scale = 1;
    let next = beta;
    let nextLoss = loss;
    for (let halvings = 0; halvings < 30; halvings++) {
      next = beta.map((b, j) => b - scale * (step[j] as number));
      nextLoss = objective(x, y, w, totalWeight, next, options.l2);
      if (nextLoss <= loss + 1e-12) break;
      scale /= 2;
    }
    const moved = Math.max(...step.map((s) => Math.abs(s * scale)));
    beta.set(next);
    loss = nextLoss;
    if (moved < tolerance) return result(beta, iteration, true, loss);
  }
  return result(beta, maxIterations, false, loss);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function linear(beta: Float64Array, row: ArrayLike<number>): number {
  let z = beta[0] as number;
  for (let j = 0; j < row.length; j++) z += (beta[j + 1] as number) * (row[j] as number);
  return z;
}

function objective(
  x: readonly ArrayLike<number>[],
  y: ArrayLike<number>,
  w: ArrayLike<number>,
  totalWeight: number,
  beta: Float64Array,
  l2: number,
): number {
  let loss = 0;
  for (let i = 0; i < x.length; i++) {
    const z = linear(beta, x[i] as ArrayLike<number>);
    // log(1 + e^z) − y·z, written to stay finite for large |z|.
    const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    loss += (w[i] as number) * (softplus - (y[i] as number) * z);
  }
  let penalty = 0;
  for (let j = 1; j < beta.length; j++) penalty += (beta[j] as number) ** 2;
  return loss / totalWeight + (l2 / 2) * penalty;
}

/** Solves A·s = b for a symmetric positive-definite A (the penalised Hessian). */
function choleskySolve(a: readonly Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const li = l[i] as Float64Array;
    for (let j = 0; j <= i; j++) {
      const lj = l[j] as Float64Array;
      let sum = (a[i] as Float64Array)[j] as number;
      for (let k = 0; k < j; k++) sum -= (li[k] as number) * (lj[k] as number);
      if (i === j) {
        if (sum <= 0) throw new Error('fitLogistic: the Hessian is not positive definite');
        li[i] = Math.sqrt(sum);
      } else li[j] = sum / (lj[j] as number);
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= ((l[i] as Float64Array)[k] as number) * (z[k] as number);
    z[i] = sum / ((l[i] as Float64Array)[i] as number);
  }
  const s = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i] as number;
    for (let k = i + 1; k < n; k++) sum -= ((l[k] as Float64Array)[i] as number) * (s[k] as number);
    s[i] = sum / ((l[i] as Float64Array)[i] as number);
  }
  return s;
}

function result(beta: Float64Array, iterations: number, converged: boolean, loss: number): LogisticFit {
  return { intercept: beta[0] as number, coefficients: Array.from(beta.slice(1)), iterations, converged, loss };
}
