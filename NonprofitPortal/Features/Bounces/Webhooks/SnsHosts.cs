using System.Text.RegularExpressions;

namespace NonprofitPortal.Features.Bounces.Webhooks;

/// <summary>Only Amazon SNS's own hosts, over HTTPS, are fetched from (<c>sns.&lt;region&gt;.amazonaws.com</c>, and <c>.com.cn</c>).</summary>
public static partial class SnsHosts
{
    public static bool IsTrusted(Uri? url) =>
        url is { IsAbsoluteUri: true, Scheme: "https", IsDefaultPort: true } && string.IsNullOrEmpty(url.UserInfo) && SnsHost().IsMatch(url.Host);

    [GeneratedRegex(@"^sns\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SnsHost();
}
