namespace NonprofitPortal.Features.Sending.Dkim;

/// <summary>One signing key: messages whose From address is at <see cref="Domain"/> are signed with it.</summary>
public sealed class DkimKeyOptions
{
    public string Domain { get; set; } = "";

    /// <summary>The DNS label under which the public key is published: <c>{Selector}._domainkey.{Domain}</c>.</summary>
    public string Selector { get; set; } = "";

    /// <summary>A PEM file holding the RSA private key, relative to the content root; or give <see cref="PrivateKey"/>.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The RSA private key itself, as PEM (an environment variable or secret store, not a file in the repository).</summary>
    public string? PrivateKey { get; set; }
}
