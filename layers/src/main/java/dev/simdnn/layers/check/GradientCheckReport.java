package dev.simdnn.layers.check;

import java.util.List;
import java.util.Locale;

/**
 * The result of a gradient check: one line per block (parameter tensor or input).
 *
 * @param blocks per-block results, in the order checked
 */
public record GradientCheckReport(List<BlockResult> blocks) {
    /**
     * One block's result.
     *
     * @param name           the block
     * @param checked        entries (or directions) compared
     * @param kinks          entries skipped because a kink lies between θ − h and θ + h ({@link GradientCheck})
     * @param relativeError  ‖a − n‖ / max(‖a‖ + ‖n‖, 1e-6·‖∇f‖) over the compared entries, the
     *                       normwise form of the textbook's ρ = |G_e − G_a| / |G_e + G_a| (3.34), which stays
     *                       defined when single entries are 0 (0 when both are 0)
     * @param worstEntry     index (within the block) of the entry with the largest |a − n|, −1 in direction mode
     * @param worstAnalytic  the analytic value there
     * @param worstNumeric   the numerical value there
     * @param absoluteError  ‖a − n‖
     * @param noise          what rounding alone gives for ‖a − n‖: √checked·16ε·(|f| + 1)/h, the resolution of a
     *                       double-precision central difference
     */
    public record BlockResult(String name, int checked, int kinks, double relativeError, int worstEntry,
                              double worstAnalytic, double worstNumeric, double absoluteError, double noise) {
        /**
         * True when the relative error is below {@code threshold}, or the error is within 4× the rounding noise
         * (a block whose gradient is too small for double differences to resolve to {@code threshold} passes when
         * the difference is pure rounding).
         */
        public boolean passes(double threshold) {
            return relativeError < threshold || absoluteError <= 4 * noise;
        }
    }

    /** The largest per-block relative error (0 for no blocks). */
    public double maxRelativeError() {
        return blocks.stream().mapToDouble(BlockResult::relativeError).max().orElse(0);
    }

    /** True when every block {@linkplain BlockResult#passes passes}. */
    public boolean passes(double threshold) {
        return blocks.stream().allMatch(b -> b.passes(threshold));
    }

    /** Total entries skipped as kinks. */
    public int kinks() {
        return blocks.stream().mapToInt(BlockResult::kinks).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (BlockResult b : blocks) {
            sb.append(String.format(Locale.ROOT, "%-24s checked %5d  kinks %3d  rel.error %.3e  |a-n| %.2e (noise %.1e)",
                    b.name(), b.checked(), b.kinks(), b.relativeError(), b.absoluteError(), b.noise()));
            if (b.worstEntry() >= 0) {
                sb.append(String.format(Locale.ROOT, "  worst [%d] analytic %.9g numeric %.9g", b.worstEntry(),
                        b.worstAnalytic(), b.worstNumeric()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
