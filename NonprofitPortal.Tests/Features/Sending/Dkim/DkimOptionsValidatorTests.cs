using System.Security.Cryptography;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using NonprofitPortal.Features.Sending.Dkim;

namespace NonprofitPortal.Tests.Features.Sending.Dkim;

public sealed class DkimOptionsValidatorTests : IDisposable
{
    private static readonly string Pem2048 = NewKeyPem(2048);
    private readonly DirectoryInfo _contentRoot = Directory.CreateTempSubdirectory("nonprofitportal-dkim-");
    private readonly WarningLog _log = new();

    [Fact]
    public void A_2048_bit_key_from_a_file_relative_to_the_content_root_is_accepted_without_a_warning()
    {
        File.WriteAllText(Path.Combine(_contentRoot.FullName, "dkim.pem"), Pem2048);

        var result = Validate(new DkimKeyOptions { Domain = "foundation.example", Selector = "s1", PrivateKeyPath = "dkim.pem" });

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Empty(_log.Warnings);
    }

    [Fact]
    public void A_1024_bit_key_is_accepted_and_the_log_recommends_2048_bits_naming_the_key()
    {
        var result = Validate(new DkimKeyOptions { Domain = "foundation.example", Selector = "s1", PrivateKey = NewKeyPem(1024) });

        Assert.True(result.Succeeded, result.FailureMessage);
        var warning = Assert.Single(_log.Warnings);
        Assert.Contains("Mail:Dkim:Keys:0", warning);
        Assert.Contains("1024 bits", warning);
        Assert.Contains("2048 bits are recommended", warning);
    }

    [Fact]
    public void A_key_under_1024_bits_stops_startup()
    {
        var result = Validate(new DkimKeyOptions { Domain = "foundation.example", Selector = "s1", PrivateKey = NewKeyPem(512) });

        Assert.Contains("Mail:Dkim:Keys:0:PrivateKey has 512 bits; DKIM needs at least 1024", result.FailureMessage);
    }

    [Theory]
    [InlineData(null, null, "Mail:Dkim:Keys:0 needs the private key: PrivateKeyPath (a PEM file) or PrivateKey (the PEM text).")]
    [InlineData("dkim.pem", "pem", "Mail:Dkim:Keys:0 has both PrivateKeyPath and PrivateKey; give only one.")]
    [InlineData("missing.pem", null, "Mail:Dkim:Keys:0:PrivateKeyPath (")]
    [InlineData(null, "not a key", "Mail:Dkim:Keys:0:PrivateKey is not an unencrypted RSA private key in PEM")]
    public void A_missing_doubled_unreadable_or_garbled_key_is_refused_naming_the_key(string? path, string? pem, string expected)
    {
        var result = Validate(new DkimKeyOptions { Domain = "foundation.example", Selector = "s1", PrivateKeyPath = path, PrivateKey = pem });

        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void A_public_key_cannot_sign_and_is_refused()
    {
        using var rsa = RSA.Create(2048);

        var result = Validate(new DkimKeyOptions { Domain = "foundation.example", Selector = "s1", PrivateKey = rsa.ExportSubjectPublicKeyInfoPem() });

        Assert.Contains("Mail:Dkim:Keys:0:PrivateKey is not an unencrypted RSA private key", result.FailureMessage);
    }

    [Fact]
    public void A_missing_domain_or_selector_and_a_second_key_for_one_domain_are_refused()
    {
        var result = Validate(
            new DkimKeyOptions { Domain = "", Selector = "", PrivateKey = Pem2048 },
            new DkimKeyOptions { Domain = "foundation.example", Selector = "a", PrivateKey = Pem2048 },
            new DkimKeyOptions { Domain = "Foundation.example", Selector = "b", PrivateKey = Pem2048 });

        Assert.Contains("Mail:Dkim:Keys:0:Domain '' must be the domain of the From address", result.FailureMessage);
        Assert.Contains("Mail:Dkim:Keys:0:Selector '' must be a DNS label", result.FailureMessage);
        Assert.Contains("Mail:Dkim:Keys has more than one key for foundation.example", result.FailureMessage);
    }

    public void Dispose() => _contentRoot.Delete(recursive: true);

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate(params DkimKeyOptions[] keys) =>
        new DkimOptionsValidator(new HostingEnvironment { ContentRootPath = _contentRoot.FullName }, _log)
            .Validate(null, new DkimOptions { Keys = [.. keys] });

    private static string NewKeyPem(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private sealed class WarningLog : ILogger<DkimOptionsValidator>
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
