package dev.simdnn.optim.data;

import java.io.IOException;

/** A data file that cannot be read: the message names the file and the line, column or byte offset. */
public final class DataFormatException extends IOException {
    public DataFormatException(String message) {
        super(message);
    }
}
