package dev.simdnn.core.internal.elementwise;

/**
 * Maxout over k pieces (textbook F16/F17). Layout, batch-major and <b>piece-major</b> within a row: row r
 * holds {@code k} blocks of {@code units} values, piece p of unit u at {@code x[r·k·units + p·units + u]}
 * (a Dense layer with {@code k·units} outputs produces exactly this). Piece-major makes the max over pieces an
 * element-wise max of k contiguous blocks, which vectorises.
 *
 * <p>Forward: {@code y[r][u] = max_p x[r][p][u]} and {@code argmax[r][u]} = the first piece reaching it (the first
 * NaN piece if any: NaN propagates). Backward: the gradient goes to the arg-max piece only, 0 to the others.
 */
public interface MaxoutKernels {
    void forward(int rows, int units, int k, float[] x, int xOff, float[] y, int yOff, int[] argmax, int aOff);

    void backward(int rows, int units, int k, float[] dy, int dyOff, int[] argmax, int aOff, float[] dx, int dxOff);
}
