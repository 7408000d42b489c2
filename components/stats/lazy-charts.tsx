"use client";
import dynamic from "next/dynamic";

// recharts weighs about 100 kB gzip: the charts come in a chunk of their own so
// that the dashboard's first-load JavaScript stays within budget. The server
// still renders them, so the page shows its charts before that chunk arrives.
export const HandbookSeriesChart = dynamic(() => import("./handbook-series-chart").then((module) => module.HandbookSeriesChart));
export const HandbookRankingChart = dynamic(() => import("./handbook-ranking-chart").then((module) => module.HandbookRankingChart));
