package dev.simdnn.optim.train;

/**
 * One epoch's figures.
 *
 * @param epoch              1-based
 * @param trainLoss          mean of the batch losses (training mode: dropout on, batch statistics)
 * @param trainAccuracy      fraction of training rows classified right during the epoch (training mode)
 * @param validationLoss     loss on the validation data in evaluation mode (NaN without validation data)
 * @param validationAccuracy accuracy there (NaN without)
 * @param learningRate       the rate at the end of the epoch
 * @param seconds            wall time of the epoch's training (without validation)
 * @param samplesPerSecond   training rows per second
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds, double samplesPerSecond) {}
