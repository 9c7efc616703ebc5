namespace NonprofitPortal.Features.Sending;

/// <summary>The single-server keys; <see cref="Servers"/>, when it has entries, replaces them.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool UseTls { get; set; }

    public string? User { get; set; }

    public string? Password { get; set; }

    public List<SmtpServerOptions> Servers { get; set; } = [];
}
