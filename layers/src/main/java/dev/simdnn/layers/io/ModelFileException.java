package dev.simdnn.layers.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read, with the reason as a value and in the message. */
public final class ModelFileException extends IOException {
    /** Why a file was rejected. */
    public enum Reason {
        /** The file does not start with the simdnn magic bytes: not a simdnn model file. */
        WRONG_MAGIC("not a simdnn model file (wrong magic)"),
        /** Written by a newer format version than this library reads. */
        NEWER_VERSION("written by a newer format version"),
        /** Shorter than its header says: an interrupted copy or write. */
        TRUNCATED("truncated"),
        /** A checksum does not match, or the stored length disagrees: damaged bytes. */
        CORRUPTED("corrupted (checksum mismatch)"),
        /** Checksums match but the content does not describe a valid model. */
        MALFORMED("malformed");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** The phrase used in messages. */
        public String text() {
            return text;
        }
    }

    private final Reason reason;

    ModelFileException(Path file, Reason reason, String detail) {
        super(file + ": " + reason.text() + ": " + detail);
        this.reason = reason;
    }

    ModelFileException(Path file, Reason reason, String detail, Throwable cause) {
        super(file + ": " + reason.text() + ": " + detail, cause);
        this.reason = reason;
    }

    /** Why the file was rejected. */
    public Reason reason() {
        return reason;
    }
}
