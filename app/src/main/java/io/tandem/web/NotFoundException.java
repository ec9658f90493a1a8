package io.tandem.web;

/** Something that does not exist in the caller's organisation: 404, whoever else may own it. */
@org.springframework.web.bind.annotation.ResponseStatus(
        org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
