/*
 * Copyright the camel-chimpypos authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.chimpypos.emulator.internal.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A server key and self-signed certificate made at each start, so no private key ever lives in the repository.
 * The certificate's validity uses the real time, not the emulator clock: TLS clients check it against their own
 * clock, and tests may run the emulator clock anywhere.
 */
public final class GeneratedTls {

    /** Truststores hold only a public certificate; the password protects nothing and may be printed. */
    public static final String TRUSTSTORE_PASSWORD = "changeit";

    private static final String ALIAS = "chimpypos-emulator";

    private final X509Certificate certificate;
    private final KeyManager[] serverKeys;
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final KeyStore trustStore;

    private GeneratedTls(
            X509Certificate certificate,
            KeyManager[] serverKeys,
            SSLContext serverContext,
            SSLContext clientContext,
            KeyStore trustStore) {
        this.certificate = certificate;
        this.serverKeys = serverKeys;
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.trustStore = trustStore;
    }

    public static GeneratedTls generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = selfSign(keyPair);

            char[] keyPassword = randomPassword();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), keyPassword, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, keyPassword);
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keyManagers.getKeyManagers(), null, new SecureRandom());

            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, trustManagers.getTrustManagers(), new SecureRandom());
            return new GeneratedTls(
                    certificate, keyManagers.getKeyManagers(), serverContext, clientContext, trustStore);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the emulator's TLS certificate", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keyPair)
            throws IOException, OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=localhost, O=Chimpy PoS sandbox emulator");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(366))),
                subject,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        }));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(
                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /** Context for the HTTPS servers. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** Context for clients that trust exactly this certificate. */
    /** Context for a server that asks for client certificates and trusts those issued by {@code trustedClients}. */
    public SSLContext serverContextTrustingClients(KeyStore trustedClients) {
        try {
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustedClients);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(serverKeys, trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the given client certificates", e);
        }
    }

    public SSLContext clientContext() {
        return clientContext;
    }

    public KeyStore trustStore() {
        return trustStore;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate in PEM form, for {@code curl --cacert}. */
    public String certificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode the certificate", e);
        }
    }

    public void writeTrustStore(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            trustStore.store(out, TRUSTSTORE_PASSWORD.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the truststore", e);
        }
    }

    public void writeCertificatePem(Path file) {
        try {
            Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loopback address the servers bind to and the certificate names. */
    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }
}
