package io.tandem.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest (AES-256-GCM, a fresh 96-bit nonce each time) with the key in {@code
 * TANDEM_SECRET_KEY}: 32 random bytes, base64 ({@code openssl rand -base64 32}). Without a key,
 * nothing secret can be saved.
 */
@Component
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @org.springframework.beans.factory.annotation.Autowired
    SecretBox(IdentityProperties properties) {
        this(properties.secretKey());
    }

    SecretBox(String encodedKey) {
        this.key = parse(encodedKey).orElse(null);
    }

    static Optional<SecretKeySpec> parse(String encodedKey) {
        if (encodedKey == null || encodedKey.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(encodedKey.trim());
            if (bytes.length != 32) {
                throw new IllegalStateException(
                        "TANDEM_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return Optional.of(new SecretKeySpec(bytes, "AES"));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "TANDEM_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
        }
    }

    boolean available() {
        return key != null;
    }

    String seal(String plain) {
        if (key == null) {
            throw new IllegalStateException("No TANDEM_SECRET_KEY");
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The secret, or empty when there is no key or the key is not the one it was sealed with. */
    Optional<String> open(String sealed) {
        if (key == null || sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return Optional.of(
                    new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
