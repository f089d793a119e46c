package dev.simdnn.optim.train;

import java.util.List;

/**
 * What a training run did.
 *
 * @param epochs     per-epoch figures, in order
 * @param stopReason why it stopped
 * @param bestEpoch  the epoch whose weights the model holds at the end (the last one unless early stopping
 *                   restored the best)
 */
public record History(List<EpochResult> epochs, StopReason stopReason, int bestEpoch) {
    /** Why training stopped. */
    public enum StopReason {
        /** All epochs ran. */
        COMPLETED,
        /** The validation metric did not improve for {@code patience} epochs. */
        EARLY_STOPPING,
        /** |f_k − f_{k−1}| < ε between epochs' training losses (lectures B12, seed 002 L32). */
        CONVERGED,
        /** The loss became NaN or infinite. */
        DIVERGED,
        /** A callback asked to stop. */
        CALLBACK
    }

    /** The last epoch's figures. */
    public EpochResult last() {
        return epochs.getLast();
    }
}
