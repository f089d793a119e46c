package dev.simdnn.optim.cli;

/** A command line that cannot be run as given: the message says what is wrong; the caller prints the usage. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
