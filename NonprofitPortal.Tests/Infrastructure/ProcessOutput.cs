using System.Diagnostics;
using System.Text;

namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>What a test server's process writes to stdout and stderr, kept for the message when it fails to start.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();

    /// <summary>Call before <see cref="Process.Start()"/>; then <c>BeginOutputReadLine</c> and <c>BeginErrorReadLine</c>.</summary>
    public void Collect(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }
}
