/**
 * Layers of a feed-forward network and the model that strings them together: {@link dev.simdnn.layers.Dense}
 * (fused bias and activation, tied weights), {@link dev.simdnn.layers.ActivationLayer},
 * {@link dev.simdnn.layers.BatchNormLayer}, {@link dev.simdnn.layers.DropoutLayer},
 * {@link dev.simdnn.layers.MaxoutLayer}, loss heads in {@code loss}, initialisers in {@code init}, the
 * {@link dev.simdnn.layers.Sequential} model over one contiguous parameter buffer, the model file in {@code io},
 * the gradient checker and the double-precision reference path in {@code check}, and
 * {@link dev.simdnn.layers.Diagnostics}. Thin wrappers: the arithmetic is the core-simd kernels'.
 */
package dev.simdnn.layers;
