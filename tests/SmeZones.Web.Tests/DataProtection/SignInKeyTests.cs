using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using SmeZones.Web.Infrastructure;

namespace SmeZones.Web.Tests.DataProtection;

/// <summary>`migrate` makes the first sign-in key so instances starting together share it instead of each making one.</summary>
public sealed class SignInKeyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("smz-keys-");
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    private ServiceProvider KeyRing()
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("SmeZones").PersistKeysToFileSystem(_folder)
            .DisableAutomaticKeyGeneration();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void An_empty_key_ring_gets_one_active_key_and_a_second_run_adds_none()
    {
        using (var first = KeyRing())
        {
            Assert.True(DataProtectionSetup.EnsureActiveKey(first, Now));
        }
        using var second = KeyRing();

        Assert.False(DataProtectionSetup.EnsureActiveKey(second, Now));
        var key = Assert.Single(second.GetRequiredService<IKeyManager>().GetAllKeys());
        Assert.Equal(Now, key.ActivationDate);
        Assert.Equal(Now.AddDays(90), key.ExpirationDate);
    }

    [Fact]
    public void A_key_about_to_expire_is_followed_by_a_new_one()
    {
        using var services = KeyRing();
        services.GetRequiredService<IKeyManager>().CreateNewKey(Now.AddDays(-89), Now.AddDays(1));

        Assert.True(DataProtectionSetup.EnsureActiveKey(services, Now));
        Assert.Equal(2, services.GetRequiredService<IKeyManager>().GetAllKeys().Count);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
