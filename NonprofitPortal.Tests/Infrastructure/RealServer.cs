using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace NonprofitPortal.Tests.Infrastructure;

public static class RealServer
{
    /// <summary>
    /// Skips the current test when a real server is unavailable, or fails it when
    /// REQUIRE_INTEGRATION=1 so that CI cannot silently skip integration coverage.
    /// </summary>
    public static void Require([DoesNotReturnIf(false)] bool available, string reason)
    {
        if (available)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("REQUIRE_INTEGRATION") == "1")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    internal static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Creates a temp directory (0755, or 0777 when <paramref name="writableByAll"/>) whose
    /// ancestors are all traversable, so that the unprivileged users the servers drop to
    /// (postgres, nobody) can reach it.
    /// </summary>
    internal static DirectoryInfo CreateTraversableTempDirectory(string prefix, bool writableByAll = false)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The real test servers run on Linux only.");
        }

        var directory = Directory.CreateTempSubdirectory(prefix);
        directory.UnixFileMode =
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute |
            (writableByAll ? UnixFileMode.GroupWrite | UnixFileMode.OtherWrite : UnixFileMode.None);
        for (var parent = directory.Parent; parent is not null; parent = parent.Parent)
        {
            if (!parent.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                parent.UnixFileMode |= UnixFileMode.OtherExecute;
            }
        }

        return directory;
    }
}
