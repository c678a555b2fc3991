using AisMonitor.Core.Alerts;
using AisMonitor.Core.Detection;
using AisMonitor.Core.Tracking;
using NodaTime;

namespace AisMonitor.Core.Spoofing;

/// <summary>
/// The course of a vessel under way, turn by turn: its last leg (east and north, in degrees of
/// latitude), how far it has turned since the loop in progress began, and when that was. Inline in
/// the vessel's state (16 bytes), so following every vessel's turns allocates nothing.
/// </summary>
internal struct TurnTracker
{
    /// <summary>The last leg, east and north (meaningless while <see cref="LoopStartUnixSeconds"/> is 0).</summary>
    public float LegEast;

    /// <summary>See <see cref="LegEast"/>.</summary>
    public float LegNorth;

    /// <summary>Signed turn since the loop began, degrees (positive to starboard).</summary>
    public float TurnedDegrees;

    /// <summary>When the loop in progress began, Unix seconds; 0 before the first leg (and after a break).</summary>
    public uint LoopStartUnixSeconds;
}

/// <summary>A vessel's signs of position manipulation in the episode in progress (made at its first sign; most vessels never have one).</summary>
internal sealed class SpoofWatch
{
    public const int EvidenceKept = 20;

    /// <summary>A suspect position not yet confirmed nor returned from, with the trusted one before it.</summary>
    public (TrackPoint From, TrackPoint To)? Pending { get; set; }

    /// <summary>Jumps that came back, within the jump window of the latest (all of them once the episode is raised).</summary>
    public List<PositionJump> Jumps { get; } = [];

    public int JumpCount { get; set; }

    /// <summary>Loops in the row in progress, and the most in a row in the episode.</summary>
    public int LoopCount { get; set; }

    public int MostLoops { get; set; }

    /// <summary>When the first loop of the row in progress began.</summary>
    public Instant RowStart { get; set; }

    public List<PositionLoop> Loops { get; } = [];

    /// <summary>When the last loop closed (a loop that starts there is the next in a row), Unix seconds.</summary>
    public long LastLoopClosedUnixSeconds { get; set; } = long.MinValue;

    /// <summary>The first sign of the episode, and the latest.</summary>
    public Instant Start { get; set; }

    public Instant LastSign { get; set; }

    public Instant? FirstRaised { get; set; }

    public SpoofSnapshot ToSnapshot() => new(
        Pending is { } p ? [TrackPointSnapshot.From(p.From), TrackPointSnapshot.From(p.To)] : null,
        [.. Jumps], JumpCount, LoopCount, MostLoops, RowStart, [.. Loops], LastLoopClosedUnixSeconds, Start, LastSign, FirstRaised);

    public static SpoofWatch From(SpoofSnapshot s)
    {
        var watch = new SpoofWatch
        {
            Pending = s.Pending is [var from, var to] ? (from.ToPoint(), to.ToPoint()) : null,
            JumpCount = s.JumpCount,
            LoopCount = s.LoopCount,
            MostLoops = s.MostLoops,
            RowStart = s.RowStart,
            LastLoopClosedUnixSeconds = s.LastLoopClosedUnixSeconds,
            Start = s.Start,
            LastSign = s.LastSign,
            FirstRaised = s.FirstRaised,
        };
        watch.Jumps.AddRange(s.Jumps);
        watch.Loops.AddRange(s.Loops);
        return watch;
    }
}

/// <summary>A vessel's signs of position manipulation as data (engine snapshots).</summary>
public sealed record SpoofSnapshot(
    IReadOnlyList<TrackPointSnapshot>? Pending,
    IReadOnlyList<PositionJump> Jumps,
    int JumpCount,
    int LoopCount,
    int MostLoops,
    Instant RowStart,
    IReadOnlyList<PositionLoop> Loops,
    long LastLoopClosedUnixSeconds,
    Instant Start,
    Instant LastSign,
    Instant? FirstRaised);

/// <summary>The turn in progress as data.</summary>
public sealed record TurnsSnapshot(float LegEast, float LegNorth, float TurnedDegrees, uint LoopStartUnixSeconds)
{
    internal static TurnsSnapshot? From(TurnTracker t) => t.LoopStartUnixSeconds == 0 ? null : new(t.LegEast, t.LegNorth, t.TurnedDegrees, t.LoopStartUnixSeconds);

    internal TurnTracker ToTracker() => new() { LegEast = LegEast, LegNorth = LegNorth, TurnedDegrees = TurnedDegrees, LoopStartUnixSeconds = LoopStartUnixSeconds };
}
