using Microsoft.Extensions.Options;

namespace NonprofitPortal.Features.Sending.Dkim;

/// <summary>Checks every configured key at start-up, naming the key in each message; a key under 2048 bits is allowed with a warning.</summary>
internal sealed class DkimOptionsValidator(IHostEnvironment environment, ILogger<DkimOptionsValidator> logger) : IValidateOptions<DkimOptions>
{
    public ValidateOptionsResult Validate(string? name, DkimOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = $"{DkimOptions.Section}:Keys:{i}";
            var configured = options.Keys[i];
            if (Uri.CheckHostName(configured.Domain.Trim()) != UriHostNameType.Dns || !configured.Domain.Contains('.', StringComparison.Ordinal))
            {
                failures.Add($"{key}:Domain '{configured.Domain}' must be the domain of the From address the key signs for, e.g. foundation.example.");
            }

            if (Uri.CheckHostName(configured.Selector.Trim()) != UriHostNameType.Dns)
            {
                failures.Add($"{key}:Selector '{configured.Selector}' must be a DNS label, e.g. portal2026 (the public key is published at <selector>._domainkey.<domain>).");
            }

            var (rsa, problem) = DkimKeys.Load(key, configured, environment.ContentRootPath);
            if (problem is not null)
            {
                failures.Add(problem);
            }
            else if (rsa!.KeySize < DkimKeys.RecommendedBits)
            {
                logger.LogWarning("{Key}: the DKIM key for {Domain} has {Bits} bits; it works, but {Recommended} bits are recommended.", key, configured.Domain, rsa.KeySize, DkimKeys.RecommendedBits);
            }

            rsa?.Dispose();
        }

        var duplicates = options.Keys.GroupBy(k => k.Domain.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        foreach (var duplicate in duplicates)
        {
            failures.Add($"{DkimOptions.Section}:Keys has more than one key for {duplicate}; keep one per domain.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
