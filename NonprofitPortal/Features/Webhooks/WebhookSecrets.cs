using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace NonprofitPortal.Features.Webhooks;

/// <summary>Endpoint signing secrets: made here, kept protected by the Data Protection keys every node shares.</summary>
public sealed class WebhookSecrets(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("NonprofitPortal.Webhooks.Secrets");

    public static string New() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
