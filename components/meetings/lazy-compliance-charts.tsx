"use client";
import dynamic from "next/dynamic";

// recharts in a chunk of its own, as on the dashboard (components/stats/lazy-charts.tsx).
export const ComplianceCharts = dynamic(() => import("./compliance-charts").then((module) => module.ComplianceCharts));
