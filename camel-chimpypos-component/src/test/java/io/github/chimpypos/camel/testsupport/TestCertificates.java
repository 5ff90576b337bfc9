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
package io.github.chimpypos.camel.testsupport;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates made in memory for TLS tests (no key is stored anywhere): a server identity with the names
 * it may be reached by, or a client identity for mutual TLS. Trust is always explicit: a trust store holding exactly
 * the certificates a test chooses to trust.
 */
public final class TestCertificates {

    /** The password of every key store made here; it protects throw-away test keys only. */
    public static final String PASSWORD = "test-keystore-password";

    private TestCertificates() {}

    /** A key and its self-signed certificate. */
    public record Identity(KeyPair keyPair, X509Certificate certificate) {

        /** A PKCS12 key store holding this key under the alias {@code identity}. */
        public KeyStore keyStore() {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(
                        "identity", keyPair.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[] {certificate});
                return store;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A server or client SSL context presenting this identity and trusting exactly {@code trusted}. */
        public SSLContext sslContext(X509Certificate... trusted) {
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore(), PASSWORD.toCharArray());
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(trusted));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A server certificate valid for exactly these DNS names and IP addresses. */
    public static Identity server(String commonName, String... dnsNamesAndIpAddresses) {
        GeneralName[] names = new GeneralName[dnsNamesAndIpAddresses.length];
        for (int i = 0; i < names.length; i++) {
            String name = dnsNamesAndIpAddresses[i];
            names[i] = new GeneralName(name.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, name);
        }
        return create(commonName, names, KeyPurposeId.id_kp_serverAuth);
    }

    /** A client certificate for mutual TLS. */
    public static Identity client(String commonName) {
        return create(commonName, null, KeyPurposeId.id_kp_clientAuth);
    }

    /** A PKCS12 trust store holding exactly these certificates. */
    public static KeyStore trustStore(X509Certificate... trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < trusted.length; i++) {
                store.setCertificateEntry("trusted-" + i, trusted[i]);
            }
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Identity create(String commonName, GeneralName[] names, KeyPurposeId purpose) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + commonName + ", O=camel-chimpypos tests");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(2))),
                    subject,
                    keyPair.getPublic());
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
            return new Identity(keyPair, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create a test certificate", e);
        }
    }
}
