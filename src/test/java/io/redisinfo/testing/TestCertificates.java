package io.redisinfo.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests: a self-signed CA that issues a server
 * certificate for 127.0.0.1/localhost and client certificates, all as PEM (keys as PKCS#8, the form
 * Kubernetes' cert-manager writes with {@code privateKey.encoding: PKCS8}).
 */
public final class TestCertificates {
  private final AtomicLong serial = new AtomicLong(System.nanoTime());
  private final KeyPair caKeys;
  private final X509Certificate ca;

  private TestCertificates(String name) {
    this.caKeys = keyPair();
    X500Name subject = new X500Name("CN=" + name);
    this.ca =
        sign(
            subject,
            caKeys,
            subject,
            caKeys.getPrivate(),
            builder -> {
              builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
              builder.addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            });
  }

  /** A new CA named {@code name}. */
  public static TestCertificates authority(String name) {
    return new TestCertificates(name);
  }

  /** A certificate and its key, as PEM. */
  public record Issued(String certPem, String keyPem) {
    /** Writes {@code name.crt} and {@code name.key} into {@code dir}; returns the two paths. */
    public Path[] writeTo(Path dir, String name) {
      try {
        Files.createDirectories(dir);
        Path cert = dir.resolve(name + ".crt");
        Path key = dir.resolve(name + ".key");
        Files.writeString(cert, certPem);
        Files.writeString(key, keyPem);
        return new Path[] {cert, key};
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public String caPem() {
    return pem(ca);
  }

  public Path writeCa(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, caPem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A server certificate for 127.0.0.1 and localhost. */
  public Issued server() {
    return issue(
        "CN=redis-test-server",
        builder ->
            builder.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(
                    new GeneralName[] {
                      new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                      new GeneralName(GeneralName.dNSName, "localhost")
                    })));
  }

  /** A client certificate (mutual TLS). */
  public Issued client(String commonName) {
    return issue("CN=" + commonName, builder -> {});
  }

  private Issued issue(String subject, Extensions extensions) {
    KeyPair keys = keyPair();
    X509Certificate certificate =
        sign(
            new X500Name(subject),
            keys,
            new X500Name(ca.getSubjectX500Principal().getName()),
            caKeys.getPrivate(),
            extensions);
    return new Issued(pem(certificate), pkcs8(keys.getPrivate()));
  }

  private interface Extensions {
    void add(JcaX509v3CertificateBuilder builder) throws IOException;
  }

  private X509Certificate sign(
      X500Name subject, KeyPair keys, X500Name issuer, PrivateKey signer, Extensions extensions) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(serial.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(2))),
              subject,
              keys.getPublic());
      extensions.add(builder);
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    } catch (IOException
        | GeneralSecurityException
        | org.bouncycastle.operator.OperatorException e) {
      throw new IllegalStateException("cannot make a test certificate", e);
    }
  }

  private static KeyPair keyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static String pkcs8(PrivateKey key) {
    try {
      return pem(new JcaPKCS8Generator(key, null).generate());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
