using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Tests.Support;
using AisMonitor.Ingestion.Live;
using AisMonitor.Worker.Commands;
using AisMonitor.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace AisMonitor.Worker.Tests.Deploy;

/// <summary>
/// The runbook's settings table is generated from the options classes the worker binds (every
/// writable property, its default from a fresh instance, its documentation comment), so it cannot
/// drift: a setting added, renamed or given another default fails this test until the table is
/// regenerated (<c>AISMONITOR_UPDATE_RUNBOOK=1 dotnet test --filter RunbookTests</c>).
/// </summary>
public sealed partial class RunbookTests
{
    private const string Begin = "<!-- settings:begin";
    private const string End = "<!-- settings:end -->";

    [Fact]
    public void The_runbook_s_settings_table_is_the_one_the_options_classes_give()
    {
        var path = Path.Combine(TestData.RepositoryRoot, "deploy", "README.md");
        var runbook = File.ReadAllText(path);
        var start = runbook.IndexOf('\n', runbook.IndexOf(Begin, StringComparison.Ordinal)) + 1;
        var end = runbook.IndexOf(End, StringComparison.Ordinal);
        var table = Table();
        if (Environment.GetEnvironmentVariable("AISMONITOR_UPDATE_RUNBOOK") == "1")
        {
            File.WriteAllText(path, runbook[..start] + table + runbook[end..]);
            return;
        }

        Assert.Equal(table, runbook[start..end]);
        Assert.Equal(Rows().Count, Regex.Count(table, @"^\| `", RegexOptions.Multiline));
    }

    [Fact]
    public void Every_key_the_table_lists_is_one_the_worker_accepts_and_a_misspelled_one_is_refused()
    {
        foreach (var (key, _, _) in Rows().Where(r => r.Key.StartsWith("AisMonitor:", StringComparison.Ordinal) && r.Key != "AisMonitor:DataFolder"))
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, null)]).Build();
            var ex = Record.Exception(() => DetectionConfiguration.Options(configuration));
            Assert.True(ex is null || !ex.Message.Contains("is not a setting", StringComparison.Ordinal), $"{key}: {ex?.Message}");
        }

        var misspelled = new ConfigurationBuilder().AddInMemoryCollection([new("AisMonitor:Live:StandbyPolInterval", "00:00:05")]).Build();
        Assert.Contains("did you mean StandbyPollInterval", Assert.Throws<ArgumentException>(() => DetectionConfiguration.Options(misspelled)).Message, StringComparison.Ordinal);
    }

    /// <summary>The table: key, environment variable, default, what it does.</summary>
    private static string Table()
    {
        var text = new StringBuilder("| key | environment variable | default | what it does |\n|---|---|---|---|\n");
        foreach (var (key, value, description) in Rows())
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{key}` | `{key.Replace(":", "__", StringComparison.Ordinal)}` | {value} | {description.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }

        return text.ToString();
    }

    private static List<(string Key, string Default, string Description)> Rows()
    {
        var rows = new List<(string, string, string)>
        {
            ("ConnectionStrings:AisMonitor", "none", "The PostgreSQL connection string (Npgsql's keywords). Unset: a PostgreSQL server of AisMonitor's own in the data folder (needs Debian's postgresql; not in the image)."),
            ("AisMonitor:DataFolder", "`~/.local/share/aismonitor` (`/var/lib/aismonitor` for root and in the image)", Summary(typeof(StorageOptions).GetProperty(nameof(StorageOptions.DataFolder))!)),
            ("AisMonitor:Storage:MemoryBuffer", Format(new StorageOptions().MemoryBuffer), Summary(typeof(StorageOptions).GetProperty(nameof(StorageOptions.MemoryBuffer))!)),
        };
        rows.AddRange(Settings("AisMonitor:Live", new LiveOptions()));
        rows.AddRange(Settings("AisMonitor:Sources:0", new SourceOptions()));
        var detection = new DetectionOptions();
        foreach (var section in Writable(typeof(DetectionOptions)))
        {
            rows.AddRange(Settings($"AisMonitor:Detection:{section.Name}", section.GetValue(detection)!));
        }

        return rows;
    }

    private static IEnumerable<(string, string, string)> Settings(string prefix, object defaults) =>
        Writable(defaults.GetType()).Select(p => ($"{prefix}:{p.Name}", Format(p.GetValue(defaults)), Summary(p)));

    private static IEnumerable<PropertyInfo> Writable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static string Format(object? value) => value switch
    {
        null => "none",
        string { Length: 0 } => "none",
        string s => $"`{s}`",
        bool b => b ? "`true`" : "`false`",
        Duration d => $"`{d.Days}:{d.Hours:00}:{d.Minutes:00}:{d.Seconds:00}{(d.SubsecondTicks > 0 ? "." + (d.SubsecondTicks / (double)NodaConstants.TicksPerSecond).ToString("0.###", CultureInfo.InvariantCulture)[2..] : string.Empty)}`",
        TimeSpan t => $"`{t.ToString("c", CultureInfo.InvariantCulture)}`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        IEnumerable e => e.Cast<object>().Any() ? string.Join(", ", e.Cast<object>().Select(Format)) : "none",
        _ => $"`{value}`",
    };

    /// <summary>The property's documentation comment, in one line of Markdown.</summary>
    private static string Summary(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var documentation = Documentation(type.Assembly);
        var id = $"P:{type.FullName!.Replace('+', '.')}.{property.Name}";
        var member = documentation.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == id)?.Element("summary");
        Assert.True(member is not null, $"{id} has no documentation comment: every setting says what it does");
        var text = new StringBuilder();
        foreach (var node in member!.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" } see => $"`{((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? string.Empty).Split('.', ':')[^1]}`",
                XElement { Name.LocalName: "paramref" } p => $"`{(string?)p.Attribute("name")}`",
                XElement other => other.Value,
                _ => string.Empty,
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static readonly Dictionary<Assembly, XDocument> Documents = [];

    private static XDocument Documentation(Assembly assembly)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(assembly, out var document))
            {
                var path = Path.ChangeExtension(assembly.Location, ".xml");
                Assert.True(File.Exists(path), $"{path} is missing: the src projects generate their documentation files (Directory.Build.props)");
                Documents[assembly] = document = XDocument.Load(path);
            }

            return document;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
