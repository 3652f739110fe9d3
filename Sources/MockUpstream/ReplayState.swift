/// Everything replay shares across requests: the recordings, scenario states, armed faults and the journal.
struct ReplayState: Sendable {
    let recordings: RecordingSet
    let scenarios: ScenarioStates
    let faults: ArmedFaults
    let journal: Journal
    /// Multiplies recorded chunk delays: 1 replays in real time, 0 without waiting.
    let speed: Double

    /// Clears the journal, every scenario's state and every armed fault.
    func reset() {
        journal.clear()
        scenarios.reset()
        faults.clear()
    }
}
