/**
 * Component tests' React root: a container attached to the document and a root in it, made before
 * each test (with React's act() environment on) and unmounted and removed after it. Call it at the top
 * of a test file, before the file's own beforeEach, which may then render into it.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

/** The current test's container and root. */
export interface TestRoot {
  readonly container: HTMLDivElement;
  readonly root: Root;
  /** Unmounts the root and makes a new one in the same container (a component mounted afresh). */
  remount(): void;
}

/** Registers the per-test root (see the file comment) and returns access to it. */
export function reactRootPerTest(): TestRoot {
  let container: HTMLDivElement | undefined;
  let root: Root | undefined;
  beforeEach(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });
  afterEach(() => {
    act(() => root?.unmount());
    container?.remove();
  });
  return {
    get container() {
      if (container === undefined) throw new Error('No test is running: the root exists only in one.');
      return container;
    },
    get root() {
      if (root === undefined) throw new Error('No test is running: the root exists only in one.');
      return root;
    },
    remount() {
      act(() => root?.unmount());
      root = createRoot(this.container);
    },
  };
}
