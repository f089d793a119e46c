/**
 * Layers of a feed-forward network (Dense, activations, BatchNorm, Dropout, Maxout, losses), thin wrappers
 * over the core-simd kernels. Not built yet: see the layers issue.
 */
package dev.simdnn.layers;
