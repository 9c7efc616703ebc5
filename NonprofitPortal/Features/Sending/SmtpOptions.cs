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

    /// <summary><see cref="Servers"/>, or the single-server keys as one server named after its host.</summary>
    public IReadOnlyList<SmtpServerOptions> EffectiveServers(int defaultConnections) => Servers.Count > 0
        ? Servers.Select(s => s.Name.Length > 0 ? s : s.Named($"{s.Host}:{s.Port}")).ToList()
        :
        [
            new SmtpServerOptions
            {
                Name = Host ?? "",
                Host = Host ?? "",
                Port = Port,
                UseTls = UseTls,
                User = User,
                Password = Password,
                Connections = defaultConnections,
            },
        ];
}
