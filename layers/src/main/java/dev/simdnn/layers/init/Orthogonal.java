package dev.simdnn.layers.init;

/**
 * Orthogonal initialisation (Saxe, McClelland and Ganguli 2014; PyTorch's {@code orthogonal_}): a Gaussian matrix
 * made orthonormal by modified Gram–Schmidt in double, with the sign convention of a QR decomposition whose R has
 * a positive diagonal (so the result is Haar-distributed), scaled by the gain. A {@code rows x cols} result has
 * orthonormal columns when rows ≥ cols and orthonormal rows otherwise.
 */
final class Orthogonal {
    private Orthogonal() {}

    static void fill(float[] w, int off, int rows, int cols, double gain, SeededRandom random) {
        int tall = Math.max(rows, cols), narrow = Math.min(rows, cols);
        double[][] q = new double[narrow][tall];      // narrow vectors of length tall, orthonormalised in turn
        for (int v = 0; v < narrow; v++) {
            for (int i = 0; i < tall; i++) {
                q[v][i] = random.nextGaussian();
            }
        }
        for (int v = 0; v < narrow; v++) {
            for (int p = 0; p < v; p++) {             // modified Gram–Schmidt: project out each earlier vector
                double dot = 0;
                for (int i = 0; i < tall; i++) {
                    dot += q[p][i] * q[v][i];
                }
                for (int i = 0; i < tall; i++) {
                    q[v][i] -= dot * q[p][i];
                }
            }
            double norm = 0;
            for (int i = 0; i < tall; i++) {
                norm += q[v][i] * q[v][i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 1e-12)) {
                throw new IllegalStateException("orthogonal initialisation: Gaussian vectors were dependent");
            }
            for (int i = 0; i < tall; i++) {
                q[v][i] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double value = rows >= cols ? q[c][r] : q[r][c];
                w[off + r * cols + c] = (float) (gain * value);
            }
        }
    }
}
