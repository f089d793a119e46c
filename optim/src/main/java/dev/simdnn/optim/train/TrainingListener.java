package dev.simdnn.optim.train;

/** Hooks into a training run: progress display, logging, early abandonment. All methods default to nothing. */
public interface TrainingListener {
    /** After each batch: 1-based epoch, 0-based batch index, batches per epoch, the batch's loss. */
    default void batchEnd(int epoch, int batch, int batches, double loss) {}

    /** After each epoch (and its validation). */
    default void epochEnd(EpochResult result) {}

    /** Asked after each epoch: true stops training ({@link History.StopReason#CALLBACK}). */
    default boolean shouldStop(EpochResult result) {
        return false;
    }
}
