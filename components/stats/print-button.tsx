"use client";

/** Prints the page with every folded table opened, so the paper copy has all the figures. */
export function PrintButton() {
  return (
    <button
      type="button"
      className="button button-secondary no-print"
      onClick={() => {
        document.querySelectorAll("details").forEach((details) => {
          details.open = true;
        });
        window.print();
      }}
    >
      In báo cáo
    </button>
  );
}
