using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using SmeZones.Core.Data;

namespace SmeZones.Web.Infrastructure;

/// <summary>
/// Sign-in keys live in PostgreSQL (the package's store, in the table the portal always used) so every instance reads
/// every other's cookies, and are encrypted with a certificate when one is configured (ADR 0007).
/// </summary>
public static class DataProtectionSetup
{
    public const string CertificatePathSetting = "Portal:DataProtectionCertificatePath";
    public const string CertificatePasswordSetting = "Portal:DataProtectionCertificatePassword";
    public const string AllowUnencryptedSetting = "Portal:AllowUnencryptedKeys";

    public static void AddPortalDataProtection(this IServiceCollection services, IConfiguration config, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("SmeZones").PersistKeysToDbContext<PortalDbContext>();
        var path = config[CertificatePathSetting];
        if (!string.IsNullOrWhiteSpace(path))
        {
            // The same certificate also decrypts the keys it protected.
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, config[CertificatePasswordSetting]));
        }
        else if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing") && !config.GetValue(AllowUnencryptedSetting, false))
        {
            throw new InvalidOperationException(
                $"Sign-in keys would be stored unencrypted: set {CertificatePathSetting} (a PKCS#12 file with a private key) "
                + $"and {CertificatePasswordSetting}, or {AllowUnencryptedSetting}=true to accept unencrypted keys.");
        }
    }

    /// <summary>
    /// Makes sure an active key exists, so that instances starting together find it instead of each making its own
    /// (an instance then cannot read the others' cookies until its key ring refreshes: dotnet/aspnetcore#52678).
    /// Run once by `migrate`, before the instances start; later keys are made 48 hours before they activate, which
    /// every instance sees in time.
    /// </summary>
    public static bool EnsureActiveKey(IServiceProvider services, DateTimeOffset now)
    {
        var keys = services.GetRequiredService<IKeyManager>();
        if (keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
        {
            return false;
        }
        keys.CreateNewKey(now, now.AddDays(90));
        return true;
    }
}
