using NodaTime;

namespace AisMonitor.Core.Simulation;

/// <summary>
/// Who hears a transmission, and when: the scenario's reception areas with the satellite passes of
/// each drawn once from the seed (a pass starts a random 'PassEveryHours' after the previous one), so
/// every vessel in an area is heard during the same passes, as from a real satellite.
/// </summary>
internal sealed class ReceptionSchedule
{
    private readonly Scenario _scenario;
    private readonly Instant[]?[] _passStarts;

    public ReceptionSchedule(Scenario scenario)
    {
        _scenario = scenario;
        _passStarts = new Instant[]?[scenario.Reception.Count];
        for (var i = 0; i < scenario.Reception.Count; i++)
        {
            var area = scenario.Reception[i];
            if (area.PassEveryHours is not { } every)
            {
                continue;
            }

            if (every.Count != 2 || every[0] <= 0 || every[1] < every[0] || area.PassMinutes <= 0)
            {
                throw new ArgumentException($"Reception area {area.Name}: pass_every_hours must be [shortest, longest] with 0 < shortest ≤ longest, and pass_minutes positive.", nameof(scenario));
            }

            var random = new Random(unchecked((scenario.Seed * 7919) + i));
            var starts = new List<Instant>();
            for (var time = scenario.Start - Duration.FromHours(random.NextDouble() * every[1]); time < scenario.End; time += Duration.FromHours(every[0] + (random.NextDouble() * (every[1] - every[0]))))
            {
                starts.Add(time);
            }

            _passStarts[i] = [.. starts];
        }
    }

    /// <summary>The receiver that hears a transmission sent from here at <paramref name="time"/>, or null.</summary>
    public string? Receiver(Instant time, double latitude, double longitude, Random random)
    {
        for (var i = 0; i < _scenario.Reception.Count; i++)
        {
            var area = _scenario.Reception[i];
            if (!area.Contains(latitude, longitude))
            {
                continue;
            }

            var listening = _passStarts[i] is not { } starts || InPass(starts, time, Duration.FromMinutes(area.PassMinutes));
            return listening && random.NextDouble() < area.Probability ? Sanitise(area.Name) : null;
        }

        return random.NextDouble() < _scenario.DefaultReceptionProbability ? "other" : null;
    }

    private static bool InPass(Instant[] starts, Instant time, Duration length)
    {
        var index = Array.BinarySearch(starts, time);
        index = index >= 0 ? index : ~index - 1;
        return index >= 0 && time < starts[index] + length;
    }

    private static string Sanitise(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
