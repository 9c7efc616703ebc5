using System.Globalization;
using System.Text.RegularExpressions;

namespace NonprofitPortal.Tests.Integration.Operations;

/// <summary>Samples read from a Prometheus text exposition: <c>name{label="value",…} 12 [timestamp]</c>.</summary>
public sealed partial class PrometheusText(string text)
{
    public string Text => text;

    public IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string name) =>
        text.Split('\n')
            .Select(line => Sample().Match(line.Trim()))
            .Where(match => match.Success && match.Groups["name"].Value == name)
            .Select(match => ((IReadOnlyDictionary<string, string>)Label().Matches(match.Groups["labels"].Value)
                    .ToDictionary(label => label.Groups["key"].Value, label => label.Groups["value"].Value),
                double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>The one sample of <paramref name="name"/> whose labels include <paramref name="labels"/>; null when there is none.</summary>
    public double? Value(string name, params (string Key, string Value)[] labels) =>
        Samples(name).Where(s => labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Select(s => (double?)s.Value).SingleOrDefault();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>(\\\\.|[^\"\\\\])*)\"")]
    private static partial Regex Label();
}
