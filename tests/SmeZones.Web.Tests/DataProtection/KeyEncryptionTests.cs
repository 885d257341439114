using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.TestSupport;

namespace SmeZones.Web.Tests.DataProtection;

/// <summary>Sign-in keys are encrypted with a configured certificate; production refuses to run without one (ADR 0007).</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("smz-keys-").FullName;

    [Fact]
    public void In_production_the_portal_refuses_to_start_without_a_key_certificate()
    {
        using var portal = new ConfiguredPortal("Production", new() { ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused" });

        var error = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("Portal:DataProtectionCertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_production_unencrypted_keys_are_accepted_only_when_a_setting_says_so()
    {
        using var portal = new ConfiguredPortal("Production", new()
        {
            ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=unused",
            ["Portal:AllowUnencryptedKeys"] = "true",
        });

        Assert.NotNull(portal.Services.GetRequiredService<IDataProtectionProvider>());
    }

    [Fact]
    public async Task With_a_certificate_keys_are_stored_encrypted_and_another_instance_reads_them()
    {
        await using var database = await TestDatabase.CreateAsync("smz_keys");
        await database.MigrateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = database.ConnectionString,
            ["Portal:DataProtectionCertificatePath"] = CreateCertificate("密码 with spaces"),
            ["Portal:DataProtectionCertificatePassword"] = "密码 with spaces",
        };

        string protectedText;
        using (var first = new ConfiguredPortal("Production", settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
        }

        await using (var db = database.CreateContext())
        {
            var xml = Assert.Single(await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain master key's element
        }

        // A second instance (another key ring, same database and certificate) decrypts the key and the payload.
        using var second = new ConfiguredPortal("Production", settings);
        Assert.Equal("signed in", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string CreateCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=SmeZones data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private sealed class ConfiguredPortal(string environment, Dictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            // These hosts start against databases that do not exist; the scheduler would fail their start (ADR 0044).
            builder.UseSetting("Scheduling:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
