using System.Collections;

namespace AisMonitor.Core.Tracking;

public sealed partial class VesselState
{
    /// <summary>
    /// A vessel's recent positions, oldest first, enumerated in place: a <c>foreach</c> allocates nothing
    /// (the gap scorer walks the history of every silent vessel it looks at); LINQ still works, boxed.
    /// </summary>
    public readonly struct HistoryView : IEnumerable<TrackPoint>
    {
        private readonly VesselState _vessel;

        internal HistoryView(VesselState vessel) => _vessel = vessel;

        /// <summary>The enumerator <c>foreach</c> uses: a struct, not boxed.</summary>
        public Enumerator GetEnumerator() => new(_vessel);

        IEnumerator<TrackPoint> IEnumerable<TrackPoint>.GetEnumerator() => GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        /// <summary>Walks the ring from its oldest position; the vessel must not change meanwhile.</summary>
        public struct Enumerator : IEnumerator<TrackPoint>
        {
            private readonly VesselState _vessel;
            private readonly int _start;
            private int _index;

            internal Enumerator(VesselState vessel) =>
                (_vessel, _start, _index) = (vessel, vessel._count < HistoryCapacity ? 0 : vessel._next, -1);

            /// <inheritdoc/>
            public readonly TrackPoint Current => _vessel._history[(_start + _index) % HistoryCapacity];

            readonly object IEnumerator.Current => Current;

            /// <inheritdoc/>
            public bool MoveNext() => ++_index < _vessel._count;

            /// <inheritdoc/>
            public void Reset() => _index = -1;

            /// <inheritdoc/>
            public readonly void Dispose()
            {
            }
        }
    }
}
