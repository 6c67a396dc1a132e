import { useParams } from 'react-router';

/** The institution of the console page (the frame, /console/:institutionId, already checked the person is its staff). */
export function useInstitutionId(): string {
  const { institutionId = '' } = useParams();
  return institutionId;
}
