namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>The DKIM key configured for a domain, as the domain check needs it.</summary>
/// <param name="Key">Where it is configured, e.g. <c>Mail:Dkim:Keys:0</c>.</param>
/// <param name="PublicKey">Its public key, DER SubjectPublicKeyInfo: what <c>p=</c> publishes.</param>
public sealed record ConfiguredDkimKey(string Key, string Selector, byte[] PublicKey);
