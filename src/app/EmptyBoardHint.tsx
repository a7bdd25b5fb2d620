// What an empty board says to someone who has never seen Stormbench: how to start.
export function EmptyBoardHint() {
  return (
    <div className="sb-empty-board">
      <div>
        <h2>An empty board</h2>
        <p>Start with orange domain events: click “Domain event” on the left and type what happened, e.g. “Order placed”.</p>
        <p>Or open a ready-made board from “Open example”.</p>
      </div>
    </div>
  );
}
