package io.tandem.matching.engine.cli;

/** Bad input: the message is the one line the user sees, naming the file and line. */
final class InputException extends Exception {

    InputException(String message) {
        super(message);
    }
}
