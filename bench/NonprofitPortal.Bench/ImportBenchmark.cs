using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Bench;

/// <summary>A CSV import through the app's importer against a raw batched insert of the same rows, each into an empty database.</summary>
public static class ImportBenchmark
{
    public static async Task RunAsync(int rows, string directory)
    {
        var csv = Csv(SyntheticNonprofits.Generate(rows, seed: 11));
        Console.WriteLine($"CSV of {rows:N0} rows, {csv.Length / 1024 / 1024.0:N1} MB");

        await using (var raw = await BenchDatabase.CreateAsync(Path.Combine(directory, "import-raw.db")))
        {
            var stopwatch = Stopwatch.StartNew();
            await raw.RawInsertAsync(SyntheticNonprofits.Generate(rows, seed: 11), DateTimeOffset.UtcNow);
            var rawSeconds = stopwatch.Elapsed.TotalSeconds;

            await using var app = await BenchDatabase.CreateAsync(Path.Combine(directory, "import-app.db"));
            var importer = app.Services.GetRequiredService<NonprofitImporter>();
            var staff = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench")], "bench"));
            stopwatch.Restart();
            var result = await importer.ImportAsync(new MemoryStream(csv), ExistingNonprofits.Skip, staff, progress: null, CancellationToken.None);
            var importSeconds = stopwatch.Elapsed.TotalSeconds;

            if (result.Value?.Imported != rows)
            {
                throw new InvalidOperationException($"The import did not import every row: {result.Message ?? result.Value?.ToString()}");
            }

            Console.WriteLine($"raw batched insert: {rawSeconds,6:N2} s ({rows / rawSeconds,9:N0} rows/s)");
            Console.WriteLine($"app import:         {importSeconds,6:N2} s ({rows / importSeconds,9:N0} rows/s)");
            Console.WriteLine($"ratio:              {importSeconds / rawSeconds,6:N2}x (target: within 3x)");
        }
    }

    private static byte[] Csv(IEnumerable<SyntheticNonprofit> rows)
    {
        var text = new StringBuilder("name,address,email,tags\n");
        foreach (var row in rows)
        {
            text.Append('"').Append(row.Name).Append("\",\"").Append(row.Address).Append("\",").Append(row.Email).Append(',').AppendJoin(';', row.Tags).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
