using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LowCodeErp.Identity.Configuration;

namespace LowCodeErp.Identity.Signing;

/// <summary>
/// The signing and encryption certificates. Configured PKCS#12 files win (production); otherwise self-signed RSA
/// certificates are generated once and persisted under <c>{DataFolder}/identity-keys</c>, so tokens and refresh tokens stay
/// valid across restarts (OpenIddict's development certificates live in the user's certificate store instead).
/// </summary>
internal static class IdentityCertificates
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    public static X509Certificate2 Signing(IdentityServiceOptions options) => Load(
        options.SigningCertificate, options.DataFolder, "signing.pfx", "LowCodeErp Identity Signing", X509KeyUsageFlags.DigitalSignature);

    public static X509Certificate2 Encryption(IdentityServiceOptions options) => Load(
        options.EncryptionCertificate, options.DataFolder, "encryption.pfx", "LowCodeErp Identity Encryption", X509KeyUsageFlags.KeyEncipherment);

    private static X509Certificate2 Load(CertificateOptions? configured, string dataFolder, string fileName, string subject, X509KeyUsageFlags usage)
    {
        if (!string.IsNullOrWhiteSpace(configured?.Path))
        {
            return File.Exists(configured.Path)
                ? X509CertificateLoader.LoadPkcs12FromFile(configured.Path, configured.Password, X509KeyStorageFlags.EphemeralKeySet)
                : throw new InvalidOperationException($"Identity certificate file '{configured.Path}' does not exist.");
        }

        var folder = Path.Combine(dataFolder, "identity-keys");
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet);
            if (existing.NotAfter.ToUniversalTime() - DateTime.UtcNow > RenewBefore)
            {
                return existing;
            }

            existing.Dispose(); // about to expire: replace it (tokens signed with the old key stop validating)
        }

        Directory.CreateDirectory(folder);
        var bytes = Create(subject, usage);
        // Write then rename, so a crash never leaves a half-written key file behind.
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: true);
        return X509CertificateLoader.LoadPkcs12(bytes, password: null, X509KeyStorageFlags.EphemeralKeySet);
    }

    private static byte[] Create(string subject, X509KeyUsageFlags usage)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(2));
        return certificate.Export(X509ContentType.Pfx);
    }
}
