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
     * @param kinks          entries skipped because f has a kink within ±h of them (one-sided slopes disagree)
     * @param relativeError  the block's relative error ‖a − n‖ / (‖a‖ + ‖n‖) over the compared entries, the
     *                       normwise form of the textbook's ρ = |G_e − G_a| / |G_e + G_a| (3.34), which stays
     *                       defined when single entries are 0 (0 when both are 0)
     * @param worstEntry     index (within the block) of the entry with the largest |a − n|, −1 in direction mode
     * @param worstAnalytic  the analytic value there
     * @param worstNumeric   the numerical value there
     */
    public record BlockResult(String name, int checked, int kinks, double relativeError, int worstEntry,
                              double worstAnalytic, double worstNumeric) {}

    /** The largest per-block relative error (0 for no blocks). */
    public double maxRelativeError() {
        return blocks.stream().mapToDouble(BlockResult::relativeError).max().orElse(0);
    }

    /** True when every block's relative error is below {@code threshold}. */
    public boolean passes(double threshold) {
        return blocks.stream().allMatch(b -> b.relativeError() < threshold);
    }

    /** Total entries skipped as kinks. */
    public int kinks() {
        return blocks.stream().mapToInt(BlockResult::kinks).sum();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (BlockResult b : blocks) {
            sb.append(String.format(Locale.ROOT, "%-24s checked %5d  kinks %3d  rel.error %.3e", b.name(), b.checked(),
                    b.kinks(), b.relativeError()));
            if (b.worstEntry() >= 0) {
                sb.append(String.format(Locale.ROOT, "  worst [%d] analytic %.9g numeric %.9g", b.worstEntry(),
                        b.worstAnalytic(), b.worstNumeric()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
