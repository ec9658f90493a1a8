package io.tandem.web;

/** An upload bigger than the limit; answered with 413. */
@org.springframework.web.bind.annotation.ResponseStatus(
        org.springframework.http.HttpStatus.CONTENT_TOO_LARGE)
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
