import { describe, expect, it } from 'vitest';
import { columnVector, fromRows, shapeText } from '../../maths/matrix';
import { backward, createProblem, forward, logSoftmax, quantityShapes } from './softplus-network';

describe('log-softmax', () => {
  it('computes log-softmax without overflow for large logits', () => {
    const yHat = logSoftmax(columnVector([1000, 1000, 0]));
    expect(yHat.data[0], 'two equal large logits share the probability').toBeCloseTo(Math.log(0.5), 12);
    expect(yHat.data[2], 'a logit 1000 below the others has log-probability about −1000').toBeCloseTo(
      -1000 - Math.log(2),
      9,
    );
  });
});

describe('the softplus network', () => {
  it('computes the loss −log softmax(z2)[true class] and stays finite at extreme activations', () => {
    const network = {
      W1: fromRows([[1000], [-1000]]),
      b1: columnVector([0, 0]),
      W2: fromRows([
        [1, 0],
        [0, 1],
      ]),
      b2: columnVector([0, 0]),
      beta: 1,
    };
    const pass = forward(network, { x: columnVector([1]), label: 1 });
    expect(Array.from(pass.a1.data), 'softplus(±1000)').toEqual([1000, 0]);
    expect(pass.loss, 'true class has logit 0, the other 1000: loss ≈ 1000').toBeCloseTo(1000, 9);
    const gradients = backward(network, { x: columnVector([1]), label: 1 });
    expect(gradients.ok && Array.from(gradients.value.dW1.data).every(Number.isFinite), 'finite gradients').toBe(true);
  });

  it('gives every quantity its shape (W2 is K × D_a) and the backward pass the shapes of W1 and b1', () => {
    const sizes = { inputSize: 5, hiddenUnits: 4, classes: 3 };
    const { network, example } = createProblem(sizes, 1, 7);
    expect(shapeText(network.W2), 'W2 is K × D_a').toBe('3×4');
    expect(shapeText(network.b2), 'b2 is K × 1').toBe('3×1');
    const shapes = quantityShapes(sizes);
    expect(
      shapes.find((q) => q.name === 'W[2]'),
      'listed shape of W2',
    ).toMatchObject({ symbolic: 'K × D_a', numeric: '3 × 4' });
    const result = backward(network, example);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(shapeText(result.value.dW1), '∂L/∂W1 has the shape of W1').toBe('4×5');
      expect(shapeText(result.value.db1), '∂L/∂b1 has the shape of b1').toBe('4×1');
      expect(shapeText(result.value.delta0), 'δ0 is K × 1').toBe('3×1');
    }
  });

  it('reports forgetting the transpose as a shape mismatch when K ≠ D_a', () => {
    const { network, example } = createProblem({ inputSize: 3, hiddenUnits: 4, classes: 3 }, 1, 1);
    expect(backward(network, example, 'forget-transpose')).toEqual({
      ok: false,
      error: 'shape mismatch: W2 is K×D_a (3×4), cannot multiply by δ0 (K×1 = 3×1) without transposing',
    });
  });

  it('is reproducible from the seed', () => {
    const sizes = { inputSize: 3, hiddenUnits: 4, classes: 3 };
    const first = createProblem(sizes, 1, 42);
    const again = createProblem(sizes, 1, 42);
    const other = createProblem(sizes, 1, 43);
    expect(forward(again.network, again.example).loss, 'same seed, same loss').toBe(
      forward(first.network, first.example).loss,
    );
    expect(Array.from(other.network.W1.data), 'another seed draws other weights').not.toEqual(
      Array.from(first.network.W1.data),
    );
  });
});
