using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AisMonitor.Core.Ais;

namespace AisMonitor.Core.Tests;

/// <summary>DESIGN.md §2: Core references nothing of ours and nothing that does I/O.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void Core_references_only_the_runtime_NodaTime_MathNet_and_NetTopologySuite()
    {
        var references = typeof(Mmsi).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "NodaTime" or "MathNet.Numerics" or "NetTopologySuite", name));
    }

    [Fact]
    public void Core_uses_no_file_network_console_or_clock_types()
    {
        using var stream = File.OpenRead(typeof(Mmsi).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var used = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(reference => metadata.GetString(reference.Namespace) + "." + metadata.GetString(reference.Name))
            .ToList();
        Assert.Contains(used, name => name.StartsWith("NodaTime.", StringComparison.Ordinal)); // the reader sees real references
        Assert.DoesNotContain(used, name => name.StartsWith("System.IO.", StringComparison.Ordinal) || name.StartsWith("System.Net.", StringComparison.Ordinal)
            || name is "System.Console" or "System.Diagnostics.Stopwatch" or "System.Threading.Timer" or "NodaTime.SystemClock");
    }
}
